"""Classification of chamados: category, request type, support scope and priority."""
