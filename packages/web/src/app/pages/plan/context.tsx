import type { Api } from '../../api';
import type { ClusterReport } from '../../api-types';
import type { Words } from '../../app';
import type { Me } from '../../session';
import { requiredContext } from '../../ui';

/** What every part of a group's action plan reads: the client, who is signed in, the words and the group. */
export interface PlanSetting {
  api: Api;
  me: Me;
  words: Words;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
}

const planSetting = requiredContext<PlanSetting>('A part of the action plan is shown outside its panel.');
export const PlanSettingProvider = planSetting.Provider;
export const usePlanSetting = planSetting.use;

/** Whether the signed-in role may change the plan (others read it). */
export const useMayWritePlan = () => planSetting.use().me.permissions.includes('plans:write');
