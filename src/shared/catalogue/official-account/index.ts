import type { Endpoint } from '../model';
import { OA_DATACUBE } from './datacube';
import { OA_LINKS } from './links';
import { OA_MATERIAL } from './material';
import { OA_MENU } from './menu';
import { OA_MASS, OA_MESSAGES } from './messages';
import { OA_COMMENTS, OA_PUBLISH } from './publish';
import { OA_SERVICE } from './service';
import { OA_USERS } from './users';

/** Official Account endpoints (the token goes in the query), in the order of WeChat's docs. */
export const OA_ENDPOINTS: Endpoint[] = [
  ...OA_USERS,
  ...OA_MENU,
  ...OA_MESSAGES,
  ...OA_MASS,
  ...OA_MATERIAL,
  ...OA_PUBLISH,
  ...OA_COMMENTS,
  ...OA_LINKS,
  ...OA_SERVICE,
  ...OA_DATACUBE,
];
