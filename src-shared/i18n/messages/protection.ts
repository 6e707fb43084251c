/** Messages of protection, the public pool and extensions. */
export const zh = {
  'error.customerProtected': '该客户已被同事报备保护',
  'error.customerProtectedUntil': '已被同事报备保护，至 {until}',
  'error.protectionCap': '您的有效保护客户数已达上限（{max} 个）',
  'error.cooldown': '您刚释放该客户，冷静期内不能再领取（{until} 后可领取）',
  'error.notInPool': '该客户不在公海中',
  'error.extensionLimit': '延期次数已用完（最多 {max} 次）',
  'error.extensionPending': '已有待处理的延期申请',
  'error.notProtected': '该商机当前没有有效保护',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'error.customerProtected': 'This customer is already protected for a colleague',
  'error.customerProtectedUntil': 'Protected for a colleague until {until}',
  'error.protectionCap': 'You hold the maximum number of protected customers ({max})',
  'error.cooldown': 'You released this customer recently; you may claim it again after {until}',
  'error.notInPool': 'This customer is not in the public pool',
  'error.extensionLimit': 'No extensions left (at most {max})',
  'error.extensionPending': 'An extension request is already pending',
  'error.notProtected': 'This opportunity has no active protection',
};
