import "../later.css";
/** Shows a one-time password once, for the admin to hand over in person. */
export function OneTimePassword(props: { username: string; password: string; onClose: () => void }) {
  return (
    <div
      class="alert success"
      role="status"
      data-testid="temp-password-box"
      // Shown once: brought into view wherever the list had been scrolled to.
      ref={(box) => queueMicrotask(() => box.scrollIntoView?.({ block: "center" }))}
    >
      <p>
        Kata sandi sementara untuk <strong>{props.username}</strong>:
      </p>
      <p class="otp" data-testid="temp-password">
        {props.password}
      </p>
      <p class="muted">
        Sampaikan langsung kepada penggunanya. Kata sandi ini hanya ditampilkan sekali dan wajib diganti saat
        pertama masuk.
      </p>
      <button type="button" class="secondary" onClick={() => props.onClose()}>
        Sudah dicatat
      </button>
    </div>
  );
}
