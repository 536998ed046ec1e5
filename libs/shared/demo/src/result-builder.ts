import { demoAccount, demoContact, demoRegion } from './accounts';
import { resultId } from './ids';
import { DemoResult } from './types';

export type ResultDraft = Omit<DemoResult, 'id' | 'ownerId' | 'contact' | 'regionCode' | 'openLicense' | 'patentNumbers'> & {
  n: number;
  /** Account number of the researcher who lists it. */
  owner: number;
  openLicense?: boolean;
  patentNumbers?: string[];
};

/** A result is listed by a researcher and located at the researcher's institution. */
export const result = ({ n, owner, openLicense = false, patentNumbers = [], ...rest }: ResultDraft): DemoResult => ({
  id: resultId(n),
  ownerId: demoAccount(owner),
  regionCode: demoRegion(owner),
  openLicense,
  patentNumbers,
  contact: demoContact(owner),
  ...rest,
});
