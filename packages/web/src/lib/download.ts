import { ApiError, call } from "./api.ts";

/**
 * Saves a file the API answers (XLSX, CSV) under the name its Content-Disposition gives. A refusal
 * (422 with the reason, 403) is thrown as the server's Indonesian error, for the page to show
 * instead of a saved file that holds an error.
 */
export async function saveFile(request: Promise<Response>): Promise<void> {
  let res: Response;
  try {
    res = await request;
  } catch (error) {
    console.warn("unduhan gagal", error);
    throw new ApiError(0, "Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.");
  }
  if (!res.ok) await call(Promise.resolve(res));
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "unduhan";
  saveBlob(await res.blob(), name);
}

/** Saves data the page already holds (a signed handover file) under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
