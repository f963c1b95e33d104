// Plans: the site's list, one plan's dashboard, creating a plan and changing its settings.
export { createPlan, listPlans, loadDashboard, updatePlan } from "../../../../sharepoint/plans/index.ts";
