/**
 * The young person's picture on a network map, over HTTP: read as a file to show, sent as the
 * file itself with its progress told as it goes (fetch cannot tell how much of a body is sent),
 * and taken away.
 */
import type { MapPictureInfo } from "@roundtable/domain";
import { api } from "./api";
import { ApiRequestError, refusalOf, segment, send, unreachable } from "./transport";

const param = (documentId: string) => ({ param: { documentId: segment(documentId) } });

/** The picture to show, or null when the map has none. */
export async function getMapPicture(documentId: string): Promise<Blob | null> {
  try {
    return await (await send(api.documents[":documentId"].picture.$get(param(documentId)))).blob();
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 404 && err.fromRoundtable) return null;
    throw err;
  }
}

/** Sends the picture; `onProgress` hears the share sent so far, 0 to 1. */
export function putMapPicture(documentId: string, file: File, onProgress: (sent: number) => void): Promise<MapPictureInfo> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", `/api/documents/${segment(documentId)}/picture`);
    request.setRequestHeader("Content-Type", file.type);
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(request.responseText);
      } catch {
        payload = undefined;
      }
      if (request.status >= 200 && request.status < 300 && payload !== undefined) resolve(payload as MapPictureInfo);
      else reject(refusalOf(request.status, payload));
    };
    request.onerror = () => reject(unreachable());
    request.send(file);
  });
}

export async function deleteMapPicture(documentId: string): Promise<void> {
  await send(api.documents[":documentId"].picture.$delete(param(documentId)));
}
