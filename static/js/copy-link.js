// Copy a certificate's verification link: buttons name their input in
// data-copy-target. Served as a file so the strict CSP needs no nonce.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const input = document.getElementById(button.dataset.copyTarget);
  if (!input) return;
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    button.textContent = button.dataset.textCopied || "Copied";
  } catch {
    button.textContent = button.dataset.textFailed || "Select and copy";
  }
});
