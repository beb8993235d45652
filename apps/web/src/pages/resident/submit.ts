import { post, put } from '../../api/client';
import type { Application } from '../../api/types';
import type { PendingFile } from './evidence';

/** Sends the application, then its evidence files one by one (API.md: attachments after creation). */
export async function sendApplication(
  body: Record<string, unknown>,
  files: PendingFile[],
  existingId?: string,
): Promise<{ application: Application; failedFiles: string[] }> {
  const application = existingId
    ? await put<Application>(`/applications/${existingId}`, body)
    : await post<Application>('/applications', body);
  const failedFiles: string[] = [];
  for (const pending of files) {
    const form = new FormData();
    form.append('kind', pending.kind);
    form.append('file', pending.file, pending.file.name);
    try {
      await post(`/applications/${application.id}/attachments`, form);
    } catch {
      failedFiles.push(pending.file.name);
    }
  }
  return { application, failedFiles };
}
