"""Statistics for supervisors: charts, key figures and the numbers behind them."""
