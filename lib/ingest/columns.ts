/** Header names → fields, for the SIPRI trade register and the project's own format alike. */

export type FieldName =
  | 'supplier'
  | 'recipient'
  | 'origin'
  | 'orderYear'
  | 'designation'
  | 'description'
  | 'category'
  | 'ordered'
  | 'delivered'
  | 'deliveryYears'
  | 'status'
  | 'comments'
  | 'tivPerUnit'
  | 'tivOrder'
  | 'tivDelivered'
  | 'value'
  | 'estimates'
  | 'source';

/** Where a field sits, and the index of SIPRI's unnamed '?' marker column after it (-1 if none). */
export type Column = { index: number; marker: number };
export type ColumnMap = Partial<Record<FieldName, Column>>;

/** Header spellings, compared with case, spaces and punctuation removed. */
const SPELLINGS: Record<FieldName, string[]> = {
  supplier: ['supplier'],
  recipient: ['recipient'],
  origin: ['origin', 'countryoforigin', 'producer'],
  orderYear: ['yearoforder', 'orderyear', 'orderdate'],
  designation: ['weapondesignation', 'designation'],
  description: ['weapondescription', 'description'],
  category: ['category', 'armamentcategory'],
  ordered: ['numberordered', 'ordered'],
  delivered: ['numberdelivered', 'numbersdelivered', 'delivered'],
  deliveryYears: ['yearsofdelivery', 'yearofdelivery', 'deliveryyears', 'deliveryyear'],
  status: ['status'],
  comments: ['comments', 'comment', 'notes'],
  tivPerUnit: ['sipritivperunit', 'tivperunit', 'tivdealunit'],
  tivOrder: ['sipritivfortotalorder', 'tivtotalorder', 'tivfortotalorder'],
  tivDelivered: ['sipritivofdeliveredweapons', 'tivdelivered', 'tivofdeliveredweapons'],
  value: ['valueusdm', 'reportedvalueusdm', 'valueusdmillion', 'value'],
  estimates: ['estimates', 'estimated'],
  source: ['source', 'citation'],
};

const FIELD_BY_SPELLING = new Map<string, FieldName>();
for (const [field, spellings] of Object.entries(SPELLINGS) as [FieldName, string[]][]) {
  for (const s of spellings) FIELD_BY_SPELLING.set(s, field);
}

export function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Map header cells to fields. A one-space header right after a field is its uncertainty marker. */
export function mapColumns(header: string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, index) => {
    const field = FIELD_BY_SPELLING.get(squash(name));
    if (!field || map[field]) return;
    const markerHeader = header[index + 1];
    const marker = markerHeader !== undefined && markerHeader.trim() === '' ? index + 1 : -1;
    map[field] = { index, marker };
  });
  return map;
}
