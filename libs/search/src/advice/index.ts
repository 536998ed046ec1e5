import { NeedAdviceResolver } from './need-advice.resolver';
import { NeedAdviceService } from './need-advice.service';

/** 需求诊断 for the need form (`needAdvice`); registered by SearchAppModule beside matching and suggestions. */
export const ADVICE_PROVIDERS = [NeedAdviceService, NeedAdviceResolver];
