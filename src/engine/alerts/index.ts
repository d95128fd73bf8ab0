export type * from './ast.js';
export { MAX_RULE_LENGTH, operandsOf, parseRule } from './compile.js';
export { evaluateRule } from './evaluate.js';
export type { Evaluation, MarketData, NewsHeadline, OperandValue } from './evaluate.js';
export { formatRuleError } from './rule-error.js';
export { INITIAL_TRIGGER_STATE, stepTrigger } from './trigger.js';
export type { TriggerPolicy, TriggerReason, TriggerState, TriggerStep } from './trigger.js';
