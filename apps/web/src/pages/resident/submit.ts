import { post, put, upload } from '../../api/client';
import type { Application } from '../../api/types';
import type { PendingFile } from './evidence';

/** How far the evidence upload has come: file `file` of `files`, `fraction` of all bytes. */
export interface UploadProgress {
  file: number;
  files: number;
  fraction: number;
}

/** Sends the application, then its evidence files one by one (API.md: attachments after creation). */
export async function sendApplication(
  body: Record<string, unknown>,
  files: PendingFile[],
  existingId?: string,
  onProgress: (progress: UploadProgress) => void = () => undefined,
): Promise<{ application: Application; failedFiles: string[] }> {
  const application = existingId
    ? await put<Application>(`/applications/${existingId}`, body)
    : await post<Application>('/applications', body);
  const failedFiles: string[] = [];
  const total = files.reduce((sum, pending) => sum + pending.file.size, 0);
  let done = 0;
  for (const [index, pending] of files.entries()) {
    const form = new FormData();
    form.append('kind', pending.kind);
    form.append('file', pending.file, pending.file.name);
    try {
      await upload(`/applications/${application.id}/attachments`, form, (fraction) =>
        onProgress({ file: index + 1, files: files.length, fraction: (done + fraction * pending.file.size) / total }),
      );
    } catch {
      failedFiles.push(pending.file.name);
    }
    done += pending.file.size;
  }
  return { application, failedFiles };
}
