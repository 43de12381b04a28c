/** Two-step sign-in for the signed-in person, as the account API reports it. */
export interface TwoStepStatus {
  /** Whether their kind of account may use it (staff and professionals; not families). */
  available: boolean;
  enabled: boolean;
}
