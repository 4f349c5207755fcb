// The auth requests the pages make (see domains/people/queries.ts for the pattern). Signing in and
// out also change the session: app/SessionProvider.tsx empties the cache then.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const authKeys = {
  invitation: (token: string) => ['auth', 'invitation', token] as const,
};

export const useInvitation = (token: string) =>
  useQuery({ queryKey: authKeys.invitation(token), queryFn: () => api.invitation(token) });

export const useLogin = () => useMutation({ mutationFn: api.login });
export const useLogout = () =>
  useMutation({ mutationFn: (everywhere: boolean) => (everywhere ? api.logoutEverywhere() : api.logout()) });
export const useRequestPasswordReset = () => useMutation({ mutationFn: api.requestPasswordReset });
export const useConfirmPasswordReset = () => useMutation({ mutationFn: api.confirmPasswordReset });
export const useAcceptInvitation = () => useMutation({ mutationFn: api.acceptInvitation });
