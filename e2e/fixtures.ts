/** Small registers made by the tests themselves (real exports come from ../shared). */

export const SIPRI_HEADER =
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons';

/** A valid register with a distinct comment, so that each one hashes differently. */
export function smallRegister(tag: string, extraRows: string[] = []): string {
  return [SIPRI_HEADER, `Iran,North Korea,1982,,10,,T-62,tank,10,,1982; 1983,New,${tag},1,10,10`, ...extraRows, ''].join('\n');
}

export const HOSTILE_REGISTER = [
  SIPRI_HEADER,
  'Iran,North Korea,1982,,10,,<img src=x onerror=alert(1)>,tank,10,,1982,New,<script>alert("x")</script>,1,10,10',
  '',
].join('\n');
