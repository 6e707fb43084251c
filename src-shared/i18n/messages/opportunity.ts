/** Messages of registrations: form rules not owned by a field parser, and the operations' errors. */
export const zh = {
  'v.tooMany': '数量过多',
  'v.stage': '请选择跟进阶段',
  'v.contactRequired': '请至少填写一个电话或邮箱',
  'v.justification': '请说明理由（至少 5 个字）',
  'v.reason': '请填写原因',
  'error.notEditable': '该报备当前状态不能修改',
  'error.notSubmitted': '该报备不在待审核状态',
  'error.notYours': '只能操作自己的报备',
  'error.ownRegistration': '不能审核自己的报备',
  'error.duplicateRegistration': '您已报备过该客户的相同需求（报备 #{id}），请勿重复报备',
  'error.conflictNeedsJustification': '该客户与已有报备撞单，请填写申诉理由后提交，由审核人裁定',
  'error.earlierClaim': '同一客户已有更早的报备（#{id}）待处理，请先裁定',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'v.tooMany': 'Too many entries',
  'v.stage': 'Choose a stage',
  'v.contactRequired': 'Give at least one phone number or email',
  'v.justification': 'Explain why (at least 5 characters)',
  'v.reason': 'Give a reason',
  'error.notEditable': 'This registration cannot be changed in its current status',
  'error.notSubmitted': 'This registration is not waiting for review',
  'error.notYours': 'You can only act on your own registrations',
  'error.ownRegistration': 'You cannot review your own registration',
  'error.duplicateRegistration': 'You already registered this customer with the same need (#{id})',
  'error.conflictNeedsJustification': 'This customer is already claimed; add a justification so a reviewer can decide',
  'error.earlierClaim': 'An earlier registration of this customer (#{id}) is still open; decide it first',
};
