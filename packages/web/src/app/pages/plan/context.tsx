import type { Api } from '../../api';
import type { Words } from '../../app';
import type { Me } from '../../session';
import { requiredContext } from '../../ui';

/** What every part of an action plan reads: the client, who is signed in, the words and whom its actions may cover. */
export interface PlanSetting {
  api: Api;
  me: Me;
  words: Words;
  /** The young people the plan's actions may cover: the peer group's; none for a parent group's plan, the parents' own. */
  youngPersonRefs: readonly string[];
  nameOf: (ref: string) => string;
  /** An agreed or reviewed plan is read for what the meeting agreed, until its next version is started. */
  readOnly?: boolean;
}

const planSetting = requiredContext<PlanSetting>('A part of the action plan is shown outside its panel.');
export const PlanSettingProvider = planSetting.Provider;
export const usePlanSetting = planSetting.use;

/** Whether the signed-in role may change the plan open now (others, and an agreed plan, are read). */
export const useMayWritePlan = () => {
  const setting = planSetting.use();
  return mayWritePlans(setting.me) && !setting.readOnly;
};

/** Whether the signed-in role may draft and change plans at all. */
export const mayWritePlans = (me: Me) => me.permissions.includes('plans:write');
