/** A situation report (ETHANE) for the day's log, every part given; `exactLocation` tells reports apart. */
export function situationReport(exactLocation: string) {
  return {
    kind: 'MESSAGE',
    exactLocation,
    incidentType: 'Search under way',
    hazards: 'None known',
    access: 'Front door',
    casualties: 'None',
    services: 'None needed',
  };
}
