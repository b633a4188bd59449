/** Bundles the import preview worker; resolves to the bundle's path. */
export function buildImportWorker(): Promise<string>;
