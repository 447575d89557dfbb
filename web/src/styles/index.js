// The stylesheets, bundled into one file by the build: the NL Design System components (Utrecht's
// component CSS, EUPL-1.2), our own theme tokens (tokens.css: Utrecht's own tokens are its house style
// and not licensed for others), then the dashboard's layout (app.css).
import "@utrecht/document-css/dist/index.css";
import "@utrecht/page-header-css/dist/index.css";
import "@utrecht/page-footer-css/dist/index.css";
import "@utrecht/heading-1-css/dist/index.css";
import "@utrecht/heading-2-css/dist/index.css";
import "@utrecht/heading-3-css/dist/index.css";
import "@utrecht/paragraph-css/dist/index.css";
import "@utrecht/link-css/dist/index.css";
import "@utrecht/button-css/dist/index.css";
import "@utrecht/form-field-css/dist/index.css";
import "@utrecht/form-label-css/dist/index.css";
import "@utrecht/textbox-css/dist/index.css";
import "@utrecht/select-css/dist/index.css";
import "@utrecht/textarea-css/dist/index.css";
import "@utrecht/table-css/dist/index.css";
import "@utrecht/skip-link-css/dist/index.css";
import "@utrecht/alert-css/dist/index.css";
import "@utrecht/status-badge-css/dist/index.css";
import "./tokens.css";
import "./app.css";
