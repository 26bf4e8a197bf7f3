// Types of `yilan/embed`: the one-script-tag embed for an existing portal
// page (see docs/embed.md). The module is loaded for its effect: it reads
// the data- attributes of its own <script> tag and binds the page's
// elderly-mode links; it exports nothing.
//
//   <script type="module" src="/yilan/pkg/embed.js" data-content="#zoom"></script>

export {};
