"""Printed reports (PDF) drawn with Qt's painter."""
