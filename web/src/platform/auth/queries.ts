// The auth requests the pages make, called on the server's route declarations (see
// domains/people/queries.ts). Signing in and out also change the session: app/SessionProvider.tsx
// empties the cache then. A 401 from these is an answer (wrong password, expired link), not a
// lost session, so they are quiet about it.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptInvitationRequest,
  loginRequest,
  passwordResetConfirm,
} from '../../../../src/identity/auth/contracts.ts';
import { authApi } from '../../../../src/identity/auth/endpoints.ts';
import { call } from '../../api.ts';

const quiet = { quiet401: true };

export const authKeys = {
  invitation: (token: string) => ['auth', 'invitation', token] as const,
};

export const useInvitation = (token: string) =>
  useQuery({
    queryKey: authKeys.invitation(token),
    queryFn: () => call(authApi.invitation, { params: { token } }),
  });

export const useLogin = () =>
  useMutation({ mutationFn: (body: z.input<typeof loginRequest>) => call(authApi.login, { body }, quiet) });
export const useLogout = () =>
  useMutation({
    mutationFn: (everywhere: boolean) =>
      call(everywhere ? authApi.logoutEverywhere : authApi.logout, {}, quiet),
  });
export const useRequestPasswordReset = () =>
  useMutation({ mutationFn: (email: string) => call(authApi.requestPasswordReset, { body: { email } }) });
export const useConfirmPasswordReset = () =>
  useMutation({
    mutationFn: (body: z.input<typeof passwordResetConfirm>) =>
      call(authApi.confirmPasswordReset, { body }, quiet),
  });
export const useAcceptInvitation = () =>
  useMutation({
    mutationFn: (body: z.input<typeof acceptInvitationRequest>) =>
      call(authApi.acceptInvitation, { body }, quiet),
  });
