/**
 * Messages of the registration field rules (src-shared/domain/fields) and of the conflict signals
 * (src-shared/domain/conflict). Each validation message names its field, since it may be shown away
 * from the field (a list of errors, an import report).
 */
export const zh = {
  // field rules
  'v.mobile': '手机号码格式不正确：应为 1 开头的 11 位数字，可带 +86',
  'v.landline': '固定电话格式不正确：应带区号，如 010-62345678 或 0755-8234567 转 801',
  'v.phone': '联系电话格式不正确：请填写手机号码或带区号的固定电话',
  'v.email': '邮箱格式不正确，例如 name@example.com',
  'v.uscc': '统一社会信用代码格式不正确：应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
  'v.usccCheck': '统一社会信用代码校验位不正确，请核对后重新填写',
  'v.budget': '采购预算须为大于 0 的金额（元），最多两位小数',
  'v.budgetTooLarge': '采购预算金额过大，请核对单位（元）',
  'v.closeDate': '预期成交时间格式不正确，应为 YYYY-MM-DD',
  'v.closeDatePast': '预期成交时间不能早于今天',
  'v.closeDateTooFar': '预期成交时间不能晚于 24 个月后',
  'v.needTooShort': '需求描述至少 15 个字，请写清客户的具体需求',
  // conflict signals: why a customer matches another registration's
  'conflict.level.block': '撞单',
  'conflict.level.warn': '疑似撞单',
  'conflict.reason.uscc': '统一社会信用代码相同',
  'conflict.reason.name': '客户名称相同',
  'conflict.reason.coreRegion': '企业名称主体相同（地区不冲突）',
  'conflict.reason.tradeName': '企业字号相同',
  'conflict.reason.phone': '联系电话相同',
  'conflict.reason.email': '邮箱相同',
  'conflict.reason.branch': '同一企业的总公司与分支机构',
  'conflict.reason.similarName': '企业名称相近（可能是错别字或同音字）',
  'conflict.reason.personName': '个人客户姓名相同',
  'conflict.reason.emailDomain': '企业邮箱域名相同',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'v.mobile': 'Mobile number: 11 digits starting with 1, +86 allowed',
  'v.landline': 'Landline: include the area code, e.g. 010-62345678 or 0755-8234567 ext. 801',
  'v.phone': 'Phone: enter a mobile number or a landline with area code',
  'v.email': 'Email: enter an address like name@example.com',
  'v.uscc': 'USCC: 18 digits or capital letters (no I, O, Z, S, V)',
  'v.usccCheck': 'USCC: the check character is wrong; please verify the code',
  'v.budget': 'Budget: an amount in CNY greater than 0, at most 2 decimals',
  'v.budgetTooLarge': 'Budget: the amount is too large; check that it is in CNY (yuan)',
  'v.closeDate': 'Expected close date: use the form YYYY-MM-DD',
  'v.closeDatePast': 'Expected close date: cannot be in the past',
  'v.closeDateTooFar': 'Expected close date: at most 24 months ahead',
  'v.needTooShort': 'Need description: at least 15 characters saying what the customer needs',
  'conflict.level.block': 'Conflict',
  'conflict.level.warn': 'Possible conflict',
  'conflict.reason.uscc': 'Same USCC',
  'conflict.reason.name': 'Same customer name',
  'conflict.reason.coreRegion': 'Same company name apart from region and legal form',
  'conflict.reason.tradeName': 'Same trade name',
  'conflict.reason.phone': 'Same phone number',
  'conflict.reason.email': 'Same email address',
  'conflict.reason.branch': 'A company and its branch',
  'conflict.reason.similarName': 'Similar company name (a typo or homophone?)',
  'conflict.reason.personName': 'Same person’s name',
  'conflict.reason.emailDomain': 'Same company email domain',
};
