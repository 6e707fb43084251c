export { budgetSchema, maxBudgetYuan, parseYuan } from './budget';
export { addMonths, closeDateIssue, closeDateSchema, isIsoDate, maxCloseMonthsAhead } from './close-date';
export { customerNameSchema, maxCustomerNameCharacters } from './customer-name';
export { emailDomain, emailKey, emailSchema, isValidEmail, normalizeEmail } from './email';
export { countCharacters, maxNeedCharacters, minNeedCharacters, needDescriptionSchema } from './need-description';
export { landlineSchema, mobileSchema, parsePhone, phoneKey, phoneSchema, type ParsedPhone, type PhoneKind } from './phone';
export { isValidUscc, normalizeUscc, usccCheckCharacter, usccIssue, usccSchema } from './uscc';
