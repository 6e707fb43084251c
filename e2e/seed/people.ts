/** The office of the registration end-to-end tests: two salespeople and a reviewer. */
export const people = {
  li: { username: 'li', displayName: '李雷', role: 'sales', password: 'li-pass-2026' },
  wang: { username: 'wang', displayName: '王芳', role: 'sales', password: 'wang-pass-2026' },
  zhao: { username: 'zhao', displayName: '赵敏', role: 'reviewer', password: 'zhao-pass-2026' },
} as const;

export type Person = (typeof people)[keyof typeof people];

/** 李雷's customer in the seeded registrations. */
export const seededCustomers = {
  approved: { customerName: '深圳市星辰科技有限公司', region: '广东省深圳市', contactPerson: '陈经理', phone: '13812345678' },
  expired: { customerName: '杭州云帆网络有限公司', region: '浙江省杭州市', contactPerson: '周经理', phone: '13700002222' },
} as const;

export type Scenario = keyof typeof seededCustomers;
