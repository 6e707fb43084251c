/** Separators between several numbers or addresses in one cell: 13812345678 / 0755-86001234；a@b.cn */
const separators = /[,，;；、/|\n]+/;
const emailPattern = /[^\s,，;；、/|<>()（）:：]+@[^\s,，;；、/|<>()（）]+/g;
/** A label before a number: 手机：138…, Tel: 0755…, 电话 0755… */
const leadingLabel = /^[^\d+(（]*?[:：]\s*|^(?:手机|电话|座机|固话|tel|mobile|phone)\s*/i;

/** "13812345678 13900001111" is two numbers; "0755 8600 1234" is one, written in groups. */
function splitAtSpaces(text: string): string[] {
  const parts = text.split(/\s+/);
  return parts.length > 1 && parts.every((p) => p.replace(/\D/g, '').length >= 7) ? parts : [text];
}

/**
 * Splits a contact cell (the seed's 联系方式) into phone and email texts, each still to be validated:
 * addresses are whatever holds an @, the rest is split at separators into phone numbers.
 */
export function splitContact(text: string): { phones: string[]; emails: string[] } {
  const emails = text.match(emailPattern) ?? [];
  const rest = text.replace(emailPattern, ' ');
  const phones = rest
    .split(separators)
    .map((part) => part.trim().replace(leadingLabel, '').trim())
    .flatMap(splitAtSpaces)
    .filter((part) => /\d/.test(part));
  return { phones, emails };
}
