import { Alert } from "./form.tsx";

/** Over plain http (a LAN address) the browser withholds Web Crypto: nothing can be kept sealed. */
export default function InsecureNote() {
  return (
    <Alert kind="info">
      Alamat http tidak aman: draf dan data yang belum terkirim hilang bila halaman ditutup. Pakai https.
    </Alert>
  );
}
