package org.layeredtls.record.lab;

/**
 * What one lab run showed.
 *
 * @param attackSucceededWhenVulnerable whether the attack reached its goal against the vulnerable setting
 * @param attackFailedWithCountermeasure whether the countermeasure stopped it
 * @param finding one line a student can check the printed output against
 */
public record LabResult(boolean attackSucceededWhenVulnerable, boolean attackFailedWithCountermeasure, String finding) {

    /** Whether the lab showed what it teaches: the attack works, and the countermeasure stops it. */
    public boolean demonstrated() {
        return attackSucceededWhenVulnerable && attackFailedWithCountermeasure;
    }
}
