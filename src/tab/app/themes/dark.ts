// Teams' dark theme, in its own chunk: loaded only when Teams says the person uses it.
export { teamsDarkTheme as theme } from "@fluentui/react-components";
