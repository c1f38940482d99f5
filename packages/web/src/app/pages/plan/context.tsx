import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../../api';
import type { ClusterReport } from '../../api-types';
import type { Words } from '../../app';
import type { Me } from '../../session';

/** What every part of a group's action plan reads: the client, who is signed in, the words and the group. */
export interface PlanSetting {
  api: Api;
  me: Me;
  words: Words;
  cluster: ClusterReport;
  nameOf: (ref: string) => string;
}

export const PlanSettingContext = createContext<PlanSetting | undefined>(undefined);

export function usePlanSetting(): PlanSetting {
  const setting = useContext(PlanSettingContext);
  if (!setting) throw new Error('A part of the action plan is shown outside its panel.');
  return setting;
}
