"""Question answering over the docs folder."""
from langchain_community.document_loaders import DirectoryLoader
from langchain_community.vectorstores import FAISS
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_openai import ChatOpenAI
from langchain_text_splitters import RecursiveCharacterTextSplitter

DOCS_DIR = "./docs"
INDEX_DIR = "./index/faiss"

embeddings = HuggingFaceEmbeddings(
    model_name="sentence-transformers/all-MiniLM-L6-v2",
    model_kwargs={"device": "cpu"},
)
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)

prompt = ChatPromptTemplate.from_messages(
    [("system", "Answer only from the context.\n\n{context}"), ("human", "{question}")]
)


def build_index():
    docs = DirectoryLoader(DOCS_DIR, glob="**/*.md").load()
    chunks = RecursiveCharacterTextSplitter(chunk_size=800, chunk_overlap=100).split_documents(docs)
    store = FAISS.from_documents(chunks, embeddings)
    store.save_local(INDEX_DIR)
    return store


def answer(question: str) -> str:
    store = FAISS.load_local(INDEX_DIR, embeddings, allow_dangerous_deserialization=True)
    context = "\n\n".join(d.page_content for d in store.similarity_search(question, k=4))
    chain = prompt | llm | StrOutputParser()
    return chain.invoke({"context": context, "question": question})
