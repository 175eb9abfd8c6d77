/**
 * The anchor of a Markdown heading as Jupyter Notebook writes it (the heading's source text with each
 * space as "-"). The HTML report uses the same ids, so one link
 * `03-neurological-function.ipynb#Paired-data-need-paired-tests` works in Jupyter and, as `.html`, in the
 * report. Cost: O(length).
 *
 * @example
 * headingAnchor("Paired data need paired tests") // "Paired-data-need-paired-tests"
 */
export function headingAnchor(heading: string): string {
  return heading.trim().replace(/ /g, "-");
}
