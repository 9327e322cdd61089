/** The SIPRI extract the project ships in data/ (made by scripts/extract-bundled.ts). */
export const BUNDLED_EXTRACT = {
  file: 'sipri-iran-iraq-deliveries-1950-1989.csv',
  id: 'sipri-iran-iraq-deliveries-1950-1989',
  name: 'SIPRI: deliveries to Iran and Iraq, 1950–1989 (extract)',
  source: 'deliveries-1950-1989-2024-04.csv',
  recipients: ['Iran', 'Iraq'],
  madeBy: 'scripts/extract-bundled.ts (npm run extract-bundled)',
} as const;
