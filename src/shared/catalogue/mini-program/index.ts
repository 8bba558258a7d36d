import type { Endpoint } from '../model';
import { MP_BASICS } from './basics';
import { MP_DATACUBE } from './datacube';
import { MP_LINKS } from './links';
import { MP_MESSAGES } from './messages';

/** Mini Program endpoints, minus jscode2session (it takes the AppSecret). */
export const MP_ENDPOINTS: Endpoint[] = [...MP_BASICS, ...MP_MESSAGES, ...MP_LINKS, ...MP_DATACUBE];
