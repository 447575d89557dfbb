// Inloggen: a labelled form; a failed login is announced and names what to do.
import { ApiError, post } from "../api.js";
import { alertBox, h, heading, paragraph } from "../dom.js";

export async function loginPage(ctx) {
  const error = h("div", { id: "inlogfout", "aria-live": "assertive" });
  const form = h(
    "form",
    { class: "utrecht-form sz-login", novalidate: true },
    field("gebruikersnaam", "Gebruikersnaam", "text", "username"),
    field("wachtwoord", "Wachtwoord", "password", "current-password"),
    h("button", { type: "submit", class: "utrecht-button utrecht-button--primary-action" }, "Inloggen"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const name = form.querySelector("#gebruikersnaam").value.trim();
    const password = form.querySelector("#wachtwoord").value;
    if (!name || !password) {
      error.append(alertBox("error", paragraph("Vul uw gebruikersnaam en wachtwoord in.")));
      form.querySelector(name ? "#wachtwoord" : "#gebruikersnaam").focus();
      return;
    }
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const me = await post("/api/inloggen", { gebruikersnaam: name, wachtwoord: password });
      await ctx.onLogin(me);
      const back = ctx.query.get("terug");
      ctx.navigate(back && back.startsWith("/") && !back.startsWith("//") ? back : "/", { replace: true });
    } catch (e) {
      button.disabled = false;
      const text = e instanceof ApiError && e.status === 401 ? `${e.message} Controleer uw gebruikersnaam en wachtwoord.` : e.message;
      error.append(alertBox("error", paragraph(text)));
      form.querySelector("#wachtwoord").value = "";
      form.querySelector("#wachtwoord").focus();
    }
  });
  return [
    heading(1, "Inloggen"),
    paragraph("Log in met het account dat uw beheerder voor u heeft gemaakt. De openbare cijfers zijn zonder inloggen te zien onder ", h("a", { class: "utrecht-link", href: "/publiek" }, "Openbare cijfers"), "."),
    error,
    form,
  ];
}

function field(id, label, type, autocomplete) {
  return h(
    "div",
    { class: "utrecht-form-field utrecht-form-field--text" },
    h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id }, label)),
    h("div", { class: "utrecht-form-field__input" }, h("input", { class: "utrecht-textbox utrecht-textbox--html-input", id, name: id, type, autocomplete, required: true })),
  );
}
