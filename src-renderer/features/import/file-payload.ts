import type { ImportFile } from '../../../src-shared/contract/import';

/** Above this a file is gzipped before it is sent: the browser host takes 8 MB per request, base64 adds a third. */
const COMPRESS_FROM_BYTES = 4 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A chosen file as the import operations take it. The main process reads it again on every call
 * (preview, dry run, run), so nothing stays uploaded between them.
 */
export async function toImportFile(file: File): Promise<ImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length <= COMPRESS_FROM_BYTES) return { name: file.name, data: toBase64(bytes) };
  return { name: file.name, compression: 'gzip', data: toBase64(await gzip(bytes)) };
}

/** Hands a workbook the main process made to the browser as a download. */
export function downloadBase64(data: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
