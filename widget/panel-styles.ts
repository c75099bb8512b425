/** The panel's stylesheet, loaded with the panel; it uses the custom properties widget.js's sheet defines. */
export const PANEL_CSS = `.panel{bottom:calc(var(--ly,20px) + var(--ls,56px) + 12px);width:360px;max-height:calc(100vh - var(--ly,20px) - var(--ls,56px) - 32px);overflow:auto;padding:20px;border-radius:var(--R);background:var(--B);box-shadow:0 8px 30px rgba(0,0,0,.3);animation:upz-in .18s ease-out}
.nolauncher .panel{bottom:var(--ly,20px);max-height:calc(100vh - var(--ly,20px) - 20px)}
@keyframes upz-in{from{opacity:0;transform:translateY(8px)}}
.head{display:flex;align-items:flex-start;justify-content:space-between;gap:8px;position:sticky;top:-20px;margin:-20px -20px 0;padding:20px 20px 4px;background:var(--B)}
h2{font-size:18px;font-weight:700}
.close{border:0;background:none;font-size:22px;line-height:1;padding:2px 6px;cursor:pointer}
.intro{margin-top:8px}
.field{margin-top:14px}
label{display:block;margin-bottom:4px;font-weight:600}
input,textarea,select{display:block;width:100%;padding:9px 10px;border:1px solid var(--upz-border,#767676);border-radius:6px;background:var(--B)}
textarea{resize:vertical;min-height:96px}
[aria-invalid=true]{border-color:var(--E)}
.err,.status.error{color:var(--E)}
.err{margin-top:4px;font-size:13px}
.submit,.again{margin-top:16px;width:100%;padding:11px;border:0;border-radius:6px;background:var(--P);color:var(--O);font-weight:600;cursor:pointer}
.check{display:grid;grid-template-columns:auto 1fr;gap:4px 8px;align-items:start}
.check input{width:18px;height:18px;margin-top:2px;accent-color:var(--P)}
.check label{margin:0;font-weight:400}
.check .err{grid-column:2}
a{color:inherit;text-decoration:underline}
::placeholder{color:inherit;opacity:.65}
.submit:hover,.again:hover{filter:brightness(1.08)}
.submit[aria-disabled=true]{opacity:.6;cursor:progress}
.status:not(:empty){margin-top:14px}
@media (max-width:480px){.root .panel{left:0;right:0;top:0;bottom:0;width:auto;max-height:none;border-radius:0}.root input,.root textarea,.root select{font-size:16px}}`;
