// The auth API: method, path and contracts of each route, shared with the web client.

import { endpoint } from '../../platform/http/endpoint.ts';
import {
  acceptInvitationRequest,
  csrfResponse,
  invitationInfo,
  loginRequest,
  ok,
  passwordResetConfirm,
  passwordResetRequest,
  tokenParams,
  viewerResponse,
} from './contracts.ts';
import { csrfEndpoint } from './csrf-endpoints.ts';

export const authApi = {
  login: endpoint({
    method: 'post',
    path: '/api/auth/login',
    body: loginRequest,
    response: viewerResponse,
  }),
  logout: endpoint({
    method: 'post',
    path: '/api/auth/logout',
    response: ok,
  }),
  logoutEverywhere: endpoint({
    method: 'post',
    path: '/api/auth/logout-all',
    response: ok,
  }),
  me: endpoint({
    method: 'get',
    path: '/api/me',
    response: viewerResponse,
  }),
  csrf: endpoint({ ...csrfEndpoint, response: csrfResponse }),
  invitation: endpoint({
    method: 'get',
    path: '/api/auth/invitation/:token',
    params: tokenParams,
    response: invitationInfo,
  }),
  acceptInvitation: endpoint({
    method: 'post',
    path: '/api/auth/invitation/accept',
    body: acceptInvitationRequest,
    response: viewerResponse,
  }),
  requestPasswordReset: endpoint({
    method: 'post',
    path: '/api/auth/password-reset',
    body: passwordResetRequest,
    status: 202,
    response: ok,
  }),
  confirmPasswordReset: endpoint({
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    body: passwordResetConfirm,
    response: viewerResponse,
  }),
};
