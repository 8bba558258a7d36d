import type { AccountKind, HttpMethod } from '../models';
import type { Localized } from '../result';

export type EndpointGroup = 'diagnostics' | 'users' | 'menu' | 'material' | 'messages' | 'links' | 'content' | 'miniprogram';

export interface EndpointParam {
  name: string;
  required: boolean;
  sample?: string;
  description?: Localized;
}

export interface Endpoint {
  /** Stable id, e.g. `oa.user.get`. */
  id: string;
  group: EndpointGroup;
  /** Account kinds this endpoint works for. */
  kinds: AccountKind[];
  method: HttpMethod;
  path: string;
  name: Localized;
  description?: Localized;
  query?: EndpointParam[];
  /** A sample JSON body, pretty-printed. */
  body?: string;
  /** Success is binary (an image, voice or file); failure is still JSON. */
  binary?: boolean;
}
