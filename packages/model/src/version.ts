/** The JSON output's format version and schema ids: values every exporter writes. */
export const FORMAT_VERSION = '1.0.0'
export const DOCUMENT_SCHEMA_ID = 'https://jxmb.dev/schema/document-1.json'
export const BATCH_SCHEMA_ID = 'https://jxmb.dev/schema/batch-1.json'
