// What a role may open in the dashboard (DOMAIN.md §8, docs/api.md). The server decides what each
// request answers; this only keeps the menu and the pages from offering what a role cannot see.
export function roleOf(user) {
  const rol = user?.rol ?? null;
  if (!rol) return { kind: "publiek", label: "publiek", figures: false, signals: false, admin: false };
  if (rol === "beheerder") return { kind: "beheerder", label: "beheerder", figures: false, signals: false, admin: true };
  if (rol === "analist") return { kind: "analist", label: "analist", figures: true, signals: true, admin: false, allWijken: true };
  if (rol.startsWith("gemeente:")) {
    const gemeente = rol.slice("gemeente:".length);
    return { kind: "gemeente", label: `gemeente ${gemeente}`, figures: true, signals: false, admin: false, gemeente };
  }
  if (rol.startsWith("meldpunt:")) {
    const source = rol.slice("meldpunt:".length);
    return { kind: "meldpunt", label: `meldpunt ${source.replace(/_/g, " ")}`, figures: true, signals: true, admin: false, source };
  }
  return { kind: "onbekend", label: rol, figures: false, signals: false, admin: false };
}

// Whether the role may look at the wijken of gemeente `code` (the analist all, a gemeente its own,
// a desk those of its own source, which the server checks per indicator).
export function mayTryWijken(role, code) {
  if (role.kind === "analist" || role.kind === "meldpunt") return true;
  if (role.kind === "gemeente") return role.gemeente === code;
  return false;
}
