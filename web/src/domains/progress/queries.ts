// The measured change request, with its cache key.
import { useQuery } from '@tanstack/react-query';
import type {
  ProgressCapability,
  ProgressChange,
  ProgressExperiment,
  ProgressPoint,
  ProgressResponse,
} from '../../../../src/domains/progress/contracts.ts';
import { progressApi } from '../../../../src/domains/progress/endpoints.ts';
import { call } from '../../api.ts';

export type { ProgressCapability, ProgressChange, ProgressExperiment, ProgressPoint, ProgressResponse };
export type ProgressBehaviour = ProgressCapability['behaviours'][number];

export const progressKeys = { mine: ['progress', 'mine'] as const };

export const useMyProgress = () =>
  useQuery({ queryKey: progressKeys.mine, queryFn: () => call(progressApi.mine, {}) });
