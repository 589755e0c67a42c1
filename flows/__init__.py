"""minsheng: numbers Chinese local governments commit to in livelihood policy documents.

One module per stage of the data's path: ingest -> clean -> metadata -> structure ->
targets -> validate -> publish. flows/pipeline.py runs one document through the
document stages; flows/flow.py is the Prefect flow that wires everything.
"""
__version__ = "0.1.0"
