/**
 * Public mailbox providers: thousands of unrelated people share these domains, so a shared domain
 * among them says nothing about the customer. Only a company's own domain is a signal.
 */
export const freeMailDomains: ReadonlySet<string> = new Set([
  // mainland China
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', 'vip.163.com', '126.com', 'vip.126.com', 'yeah.net',
  '188.com', 'netease.com', 'sina.com', 'sina.cn', 'vip.sina.com', 'sina.com.cn', 'sohu.com', 'vip.sohu.com',
  'aliyun.com', '139.com', '189.cn', 'wo.cn', 'wo.com.cn', '21cn.com', 'tom.com', '263.net', 'eyou.com',
  'china.com', 'people.cn', 'hexun.com', 'yahoo.com.cn', 'yahoo.cn', 'live.cn', 'msn.cn',
  // international
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.net', 'mail.com',
  'yandex.com', 'yandex.ru', 'zoho.com', 'hotmail.co.uk', 'yahoo.co.jp', 'yahoo.com.hk', 'yahoo.com.tw',
  'hotmail.com.hk', 'outlook.com.hk', 'naver.com', 'hanmail.net',
]);

export const isFreeMailDomain = (domain: string): boolean => freeMailDomains.has(domain.toLowerCase());
