/**
 * Attack labs on the Record layer: each classic attack (POODLE, BEAST, Lucky 13, CRIME) run live
 * with the vulnerable setting and with its countermeasure. The vulnerable variants live here only.
 */
package org.layeredtls.record.lab;
