/**
 * Reading Kaplan-Meier curves off figure images ({@code trialmeta digitise}): axis and tick detection, curves
 * separated by colour and traced as steps, and a check overlay. Pure pixel arithmetic on {@code java.awt.image}
 * rasters; no charting library. Used only by the CLI.
 */
package org.trialmeta.digitise;
