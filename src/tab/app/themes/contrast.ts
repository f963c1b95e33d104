// Teams' high-contrast theme, in its own chunk: loaded only when Teams says the person uses it.
export { teamsHighContrastTheme as theme } from "@fluentui/react-components";
