// The measured change API: method, path and contracts, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { progressResponse } from './contracts.ts';

export const progressApi = {
  mine: endpoint({ method: 'get', path: '/api/progress', response: progressResponse }),
};
