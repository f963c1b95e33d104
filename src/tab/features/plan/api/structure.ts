// The plan editor's writes to the plan's structure: recommendations, actions and milestones added, changed,
// moved, withdrawn or reinstated, target dates revised, and the coordinator's order.
export {
  addAction,
  addRecommendation,
  loadRecommendations,
  makeAction,
  makeMilestone,
  moveAction,
  reinstateAction,
  reorder,
  retireAction,
  reviseTargetDate,
  updateAction,
  updateRecommendation,
} from "../../../../sharepoint/plans/index.ts";
