Content-Length: 199

{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": 1, "rootUri": "file:///work/main", "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": true}}}}}Content-Length: 80

{"jsonrpc": "2.0", "id": 1, "result": {"capabilities": {"textDocumentSync": 2}}}